"""Portal models, one module per concept; re-exported here for Django."""

from .accounts import User
from .pages import ContentPage, HomePage, ThemeIndexPage, ThemePage
from .taxonomy import Country, Region, Theme

__all__ = [
    "ContentPage",
    "Country",
    "HomePage",
    "Region",
    "Theme",
    "ThemeIndexPage",
    "ThemePage",
    "User",
]
