"""The case audit forms, one module per record they change."""
