"""Library models, one module per concept; re-exported here for Django."""

from .imports import ImportJob, ImportStatus
from .pages import (
    AuthorKind,
    LibraryIndexPage,
    RelatedResource,
    ResourceAuthor,
    ResourceFile,
    ResourcePage,
    ResourceType,
)
from .stats import DownloadCount
from .taxonomy import Language
from .text import DocumentText, ExtractionStatus

__all__ = [
    "AuthorKind",
    "DocumentText",
    "DownloadCount",
    "ExtractionStatus",
    "ImportJob",
    "ImportStatus",
    "Language",
    "LibraryIndexPage",
    "RelatedResource",
    "ResourceAuthor",
    "ResourceFile",
    "ResourcePage",
    "ResourceType",
]
