"""Incident playbooks: the playbook documents, running them, complaints. No Qt here."""
