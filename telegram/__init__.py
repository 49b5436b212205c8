"""The newsroom's Telegram channels: every story posted to its language's channel."""
