"""The chapter ``docs/softmax.md``: softmax and cross-entropy for many classes."""
