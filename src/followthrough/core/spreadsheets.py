"""Text bound for spreadsheets: a cell that starts like a formula is kept as text."""

FORMULA_STARTS = {"=", "+", "-", "@", "\t", "\r"}


def spreadsheet_safe(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading quote stops that."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
