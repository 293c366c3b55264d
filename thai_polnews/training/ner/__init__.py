"""The NER trainer: ``thai-polnews train`` (``training.ner.train.main``)."""
