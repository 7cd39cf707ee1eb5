## The home page (Slack's App Home): next meetings and buttons

home-meetings-title = Your next meetings
home-meeting-line = { $when }, with { $name } ({ $format })
home-plan = Plan a meeting
home-log = Log a meeting
home-objectives-button = Our objectives
home-language = Language
home-privacy = Privacy
home-help = Help
