"""Helpers the extractors share; none of these modules is an extractor, and the registry does not load them.

``speakers`` resolves who a statement's subject stands for, ``actors`` resolves event participants to a
country and sector, ``common`` holds the small lexicon and parse helpers more than one extractor uses, and
``subordinators`` owns the condition and question marks events.rules and claims.rules read a clause by.
"""
