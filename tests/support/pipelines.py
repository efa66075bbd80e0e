"""Item pipelines run on their own (the one home is pipelines/inprocess.py)."""

from pipelines.inprocess import ITEM_PIPELINES, pipeline_crawler, through_pipelines

__all__ = ["ITEM_PIPELINES", "pipeline_crawler", "through_pipelines"]
