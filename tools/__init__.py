"""Developer tools outside the package: the benchmark, its report, the synthetic corpus."""
