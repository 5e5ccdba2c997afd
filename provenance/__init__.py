"""provenance: a claim-and-source provenance database for war reporting."""

__version__ = "0.1.0"
