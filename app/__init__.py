"""Youlin Desk (友邻前台): domain, data, services, printing and command line. Never imports Qt."""

__version__ = "0.1.0"
APP_NAME = "YoulinDesk"
