"""Regional layouts: one module per layout, all listed in the `LAYOUTS` registry."""

from extract.layouts import arsrapport, kronoberg, skane, sydost, vastmanland
from extract.layouts.base import Layout

LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        sydost.LAYOUT,
        vastmanland.LAYOUT,
        kronoberg.LAYOUT,
        skane.LAYOUT,
        arsrapport.LAYOUT,
    )
}

__all__ = ["LAYOUTS", "Layout"]
