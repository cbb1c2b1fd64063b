"""Read plan documents into lines, detect their regional layout and parse them into rows."""
