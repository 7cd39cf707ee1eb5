## Comptes : fuseau horaire (/timezone) et comptes liés (/link)

help-cmd-timezone = choisir votre fuseau horaire (une ville suffit)
help-cmd-link = relier vos comptes Slack et Telegram à une seule personne

## Fuseau horaire

timezone-current =
    Vos dates sont affichées à l'heure de { $zone } : il y est { $time }.
    Pour changer, tapez /timezone suivi de votre ville, par exemple « /timezone Montréal » ou « /timezone Lyon ».
timezone-set = C'est noté : vos dates sont désormais à l'heure de { $zone } ; il y est { $time }.
timezone-pick = Plusieurs fuseaux correspondent à « { $typed } ». Lequel est le vôtre ?
timezone-unknown = Je ne connais pas de ville ni de fuseau « { $typed } ». Essayez une ville proche, par exemple « /timezone Paris », « /timezone Montréal », « /timezone Dakar », ou un décalage comme « /timezone UTC+1 ».
timezone-guessed = Vos dates sont affichées à l'heure de { $zone }, que j'ai supposée d'après votre compte Telegram ; si ce n'est pas la bonne, tapez /timezone suivi de votre ville, par exemple « /timezone Montréal ».

## Comptes liés

journal-account-link = liaison de deux comptes de messagerie (/link)

link-code =
    Votre code de liaison : { $code } (valable 10 minutes).
    Sur votre autre messagerie, écrivez au robot :
    • sur Telegram : /link { $code }
    • sur Slack : /mentorat link { $code }
    Vos deux comptes ne feront alors plus qu'un, avec l'historique de celui-ci.
    Ne donnez ce code à personne : qui le tape accède à votre compte.
link-done = C'est fait : ce compte est relié au vôtre, et vous pouvez m'écrire depuis l'un ou l'autre. Mes messages vous arriveront { $platform ->
        [slack] sur Slack
        [telegram] sur Telegram
       *[other] dans la console
    }.
link-done-other = Votre compte { $platform ->
        [slack] Slack
        [telegram] Telegram
       *[other] de la console
    } vient d'être relié à celui-ci : vous pouvez écrire depuis l'un ou l'autre. Si ce n'est pas vous, prévenez vos coordinateurs sans attendre.
link-unknown = Ce code ne correspond à aucune demande en cours : il est peut-être faux ou a expiré (il vaut 10 minutes). Tapez /link sur votre autre compte pour en obtenir un nouveau.
link-blocked = Trop de codes erronés : réessayez dans un quart d'heure.
link-busy = Trop de codes erronés en ce moment : réessayez dans une minute.
link-reverse = Ce compte a déjà son propre parcours : c'est lui qui doit donner le code. Tapez /link ici, puis tapez le code reçu sur votre autre messagerie.
link-own = Ce code a été demandé depuis ce compte-ci : tapez-le sur votre autre messagerie.
link-already = Ces comptes sont déjà reliés.
link-histories = Je ne peux pas relier ces comptes : chacun a déjà son propre parcours dans un programme, et je ne fusionne jamais deux historiques. Écrivez à vos coordinateurs si vous souhaitez les réunir.
