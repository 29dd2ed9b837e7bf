"""营业厅现场管理助手 — hallsupervisor."""

__version__ = "0.1.0"
APP_NAME = "hallsupervisor"
ORG_NAME = "hallsupervisor"
