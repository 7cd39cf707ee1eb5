## Accounts: time zone (/timezone) and linked accounts (/link)

help-cmd-timezone = choose your time zone (a city is enough)
help-cmd-link = join your Slack and Telegram accounts into one person

## Time zone

timezone-current =
    Your dates are shown in { $zone } time: it is { $time } there.
    To change it, type /timezone followed by your city, for example "/timezone Montreal" or "/timezone London".
timezone-set = Done: your dates are now shown in { $zone } time; it is { $time } there.
timezone-pick = Several time zones match "{ $typed }". Which one is yours?
timezone-unknown = I know no city or time zone called "{ $typed }". Try a nearby city, for example "/timezone London", "/timezone Montreal", "/timezone Dakar", or an offset such as "/timezone UTC+1".
timezone-guessed = Your dates are shown in { $zone } time, which I assumed from your Telegram account; if that is wrong, type /timezone followed by your city, for example "/timezone Montreal".

## Linked accounts

journal-account-link = two messaging accounts joined (/link)

link-code =
    Your linking code: { $code } (valid for 10 minutes).
    On your other messaging app, write to the bot:
    • on Telegram: /link { $code }
    • on Slack: /mentorat link { $code }
    Both accounts will then be one, with this account's history.
    Never give this code to anyone: whoever types it gets into your account.
link-done = Done: this account is now joined to yours, and you can write to me from either. My messages will reach you { $platform ->
        [slack] on Slack
        [telegram] on Telegram
       *[other] in the console
    }.
link-done-other = Your { $platform ->
        [slack] Slack
        [telegram] Telegram
       *[other] console
    } account has just been joined to this one: you can write from either. If that was not you, tell your coordinators at once.
link-unknown = This code matches no pending request: it may be wrong or expired (it lasts 10 minutes). Type /link on your other account to get a new one.
link-blocked = Too many wrong codes: try again in a quarter of an hour.
link-busy = Too many wrong codes right now: try again in a minute.
link-reverse = This account already has its own history: it is the one that must give the code. Type /link here, then type the code you get on your other messaging app.
link-own = This code was asked for from this account: type it on your other messaging app.
link-already = These accounts are already joined.
link-histories = I cannot join these accounts: each already has its own history in a programme, and I never merge two histories. Write to your coordinators if you want them joined.
