"""Everything that only trains models or builds data: never imported by ``thai_polnews.load()``
or by processing documents.

- ``training.ner``: the NER trainer (``thai-polnews train``): corpus readers, chunking,
  augmentation, batching, the pretraining and fine-tuning loops, the model definition;
- ``training.synth``: the synthetic annotated corpus (``thai-polnews synth``);
- ``training.tables``: builders of the name tables under ``thai_polnews/data/names``.
"""
