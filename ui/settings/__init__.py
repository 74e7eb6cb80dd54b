"""The Settings desk (设置): centre profile, accounts, communities, language and text size."""

from ui.settings.desk import SettingsDesk

__all__ = ["SettingsDesk"]
