"""Drug-pipeline facts from press releases: per-release extraction, cross-release canonical names."""

from pipelines.drugs.canonical import canonicalize
from pipelines.drugs.extract import extract_pipeline_facts

__all__ = ["canonicalize", "extract_pipeline_facts"]
