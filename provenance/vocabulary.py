"""The fixed vocabularies of the data model, importable without the ORM."""

SOURCE_KINDS = (
    "person",
    "official",
    "government",
    "military",
    "intelligence_agency",
    "think_tank",
    "news_agency",
    "news_outlet",
    "ngo",
    "social_media",
    "other",
)
CATEGORIES = (
    "troop_count",
    "territory",
    "casualties",
    "aid_transfer",
    "advance",
    "statement",
    "other",
)
STANCES = ("asserts", "denies")
CLAIM_STATUSES = ("active", "merged", "retracted")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)
DOCUMENT_FIELDS = (
    "title", "outlet", "author", "url", "published", "accessed", "language", "text", "sha256",
)  # fmt: skip
"""A document's fields besides its key, in the order import, storage and views use."""
