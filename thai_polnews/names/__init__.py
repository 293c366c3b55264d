"""Vietnamese names in Thai text: transliteration, canonical romanisation, variant clustering.

``to_thai`` writes a Vietnamese name in Thai script in several real-world styles;
``canonical`` maps a Thai- or Latin-script spelling back to its unaccented
romanisation; ``same_entity`` and ``cluster_names`` group spelling variants.
"""
from .canonical import canonical
from .coref import cluster_names, same_entity
from .styles import style_names
from .translit import to_thai
from .vietnamese import unaccent

__all__ = ["canonical", "cluster_names", "same_entity", "style_names", "to_thai", "unaccent"]
