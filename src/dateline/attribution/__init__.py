"""Attribution (who said what) by a trained sequence tagger: features, the shipped model, decoding."""
