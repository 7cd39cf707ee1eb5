"""The coordinators' command line: one module per group of `mentorbot` commands (DESIGN.md
section 4). Each checks the role of the coordinator it acts for and writes an audit event."""
