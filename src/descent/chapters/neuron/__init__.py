"""The chapter ``docs/neuron.md``: one sigmoid neuron that classifies."""
