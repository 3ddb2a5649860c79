"""keysweep's rule generator package (see scripts/gen_fake_secrets.py)."""
