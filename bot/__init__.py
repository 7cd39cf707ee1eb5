"""mentorbot: runs a workplace mentoring programme inside Slack, Telegram or a terminal."""
