"""Mini-batches: padding, and span masking that works for rows of any length."""
import torch

from thai_polnews.training.ner.batching import mlm_batch, tagging_batch


def test_mlm_batch_handles_rows_shorter_than_a_span():
    gen = torch.Generator().manual_seed(0)
    batch = mlm_batch([[2, 7, 3], [2, 3]], pad_id=0, mask_id=4, special_ids=[0, 1, 2, 3, 4],
                      vocab_size=20, mask_prob=0.9, mean_span=3.0, generator=gen)
    assert batch["input_ids"].shape == (2, 3)
    # special tokens are never chosen; only the one ordinary token can carry a label
    assert set(batch["labels"][batch["labels"] != -100].tolist()) <= {7}
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 1, 0]]


def test_mlm_batch_masks_about_the_asked_share():
    gen = torch.Generator().manual_seed(1)
    rows = [[2] + list(range(5, 105)) + [3] for _ in range(20)]
    batch = mlm_batch(rows, pad_id=0, mask_id=4, special_ids=[0, 1, 2, 3, 4], vocab_size=200,
                      mask_prob=0.15, mean_span=2.0, generator=gen)
    share = (batch["labels"] != -100).float().mean().item()
    assert 0.08 < share < 0.25, share


def test_tagging_batch_pads_labels_with_ignore_index():
    batch = tagging_batch([[2, 5, 3], [2, 3]], [[-100, 1, -100], [-100, -100]], pad_id=0)
    assert batch["labels"].tolist() == [[-100, 1, -100], [-100, -100, -100]]
    assert batch["input_ids"].tolist() == [[2, 5, 3], [2, 3, 0]]


def test_mlm_batch_always_has_a_target():
    """A batch with nothing masked would give a NaN loss and poison the weights."""
    for seed in range(20):
        gen = torch.Generator().manual_seed(seed)
        batch = mlm_batch([[2, 9, 3]] * 4, pad_id=0, mask_id=4, special_ids=[0, 1, 2, 3, 4],
                          vocab_size=20, mask_prob=0.01, mean_span=1.0, generator=gen)
        assert (batch["labels"] != -100).any()
