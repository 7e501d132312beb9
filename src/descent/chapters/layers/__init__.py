"""Chapter ``layers`` (docs/layers.md): backpropagation through layers, in matrices."""
