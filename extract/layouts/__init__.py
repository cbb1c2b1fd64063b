"""Layouts: one module per layout, all listed in the `LAYOUTS` registry; `generic` last."""

from extract.layout import Layout
from extract.layouts import arsrapport, generic, kronoberg, skane, sydost, vastmanland

GENERIC = generic.LAYOUT
LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        sydost.LAYOUT,
        vastmanland.LAYOUT,
        kronoberg.LAYOUT,
        skane.LAYOUT,
        arsrapport.LAYOUT,
        GENERIC,
    )
}

__all__ = ["GENERIC", "LAYOUTS", "Layout"]
