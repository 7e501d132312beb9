"""Chapter ``deep-nets`` (docs/deep-nets.md): why deep networks are hard to train."""
