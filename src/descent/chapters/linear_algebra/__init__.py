"""The linear-algebra primer (docs/linear-algebra.md): vectors, the dot product, matrices,
symmetric matrices and their eigenvalues, and what λ_max and λ_min say about a bowl."""
