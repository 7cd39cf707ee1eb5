## Rencontres du binôme

help-cmd-meeting = voir vos rencontres, en planifier une, noter celle qui a eu lieu
meetings-no-pair = Vous n'êtes pas dans un binôme actif, donc pas de rencontre à suivre pour l'instant. Tapez /status pour voir où vous en êtes, ou /apply pour candidater au programme.
meetings-pair-not-ready = Votre binôme n'est pas encore lancé : il démarre quand le mentor a accepté et que vous avez signé la charte tous les deux. Tapez /status pour voir l'étape en cours.
meetings-which-pair = Vous êtes dans plusieurs binômes. Avec qui sont les rencontres que vous voulez voir ?
meetings-log-title = Vos rencontres avec { $name } :
meetings-log-empty = Aucune rencontre pour l'instant. Une première rencontre d'environ une heure est un bon départ !
meetings-log-earlier =
    { $count ->
        [one] (1 rencontre plus ancienne n'est pas affichée ; « Modifier une rencontre » les liste toutes.)
       *[other] ({ $count } rencontres plus anciennes ne sont pas affichées ; « Modifier une rencontre » les liste toutes.)
    }
meetings-line = { $number }. { $when } · { $minutes } min · { $format } · { $status }
meetings-line-themes = Thèmes : { $themes }
meetings-line-note = Note privée : { $text }
meetings-line-actions = Actions à mener : { $text }
meetings-what = Que voulez-vous faire ?
meetings-plan = Planifier une rencontre
meetings-log = Noter une rencontre qui a eu lieu
meetings-record = Annuler une rencontre, ou dire si elle a eu lieu
meetings-edit = Modifier une rencontre
meetings-delete = Supprimer une rencontre
meetings-which = Laquelle ?
meetings-pick = Rencontre n° { $number }, { $when }
meetings-none-to-pick = Il n'y a plus de rencontre à choisir ici. Tapez /meeting pour voir votre journal à jour.

## Statuts et réponses

meeting-status-planned = prévue
meeting-status-held = tenue
meeting-status-cancelled = annulée
meeting-status-no_show = non tenue
meeting-answer-held = Oui, elle a eu lieu
meeting-answer-cancelled = Elle a été annulée
meeting-answer-no_show = Elle n'a pas eu lieu
meeting-keep = Non, la garder

## Formulaires

meeting-plan-title = Planifions votre prochaine rencontre. /back revient à la question précédente, /cancel arrête.
meeting-log-title = Notons la rencontre qui a eu lieu. /back revient à la question précédente, /cancel arrête.
meeting-edit-title = Modifions cette rencontre. /back revient à la question précédente, /cancel arrête sans rien changer.
meeting-edit-intro = Voici la rencontre telle qu'elle est enregistrée :
meeting-f-when-plan = Quand aura lieu la rencontre ?
meeting-h-when-plan = Par exemple « mardi prochain 14h » ou « 3 décembre 10h30 ». L'heure est celle de votre fuseau horaire.
meeting-f-when-log = Quand la rencontre a-t-elle eu lieu ?
meeting-h-when-log = Par exemple « hier 14h » ou « lundi dernier 9h30 ».
meeting-f-minutes = Combien de temps dure-t-elle ?
meeting-h-minutes = Entre { $low } minutes et { $hours } heures, par exemple « 1h30 », « 45 min » ou « une heure ».
meeting-f-format = Sous quelle forme ?
meeting-f-themes = Quels grands thèmes avez-vous abordés ?
meeting-f-tags = D'autres thèmes, en quelques mots ?
meeting-h-tags = Des mots-clés séparés par des virgules, par exemple : télétravail, prise de parole. Au plus { $count }, de { $length } caractères chacun. Les coordinateurs les voient : n'y mettez rien de personnel.
meeting-f-note = Une note privée sur cette rencontre ?
meeting-h-note = Chiffrée, lisible seulement par votre binôme et vous ; les coordinateurs n'y ont jamais accès.
meeting-f-actions = Des actions à mener d'ici la prochaine fois ?
meeting-h-actions = Elles restent privées, comme la note : seul votre binôme les voit.
meeting-h-edit-private = Le texte actuel, s'il y en a un, est affiché plus haut. Tapez - pour le garder, écrivez un nouveau texte pour le remplacer, ou tapez « { $word } » pour le supprimer.
meeting-erase-word = effacer
meeting-tag-too-long = Le mot-clé « { $tag } » est trop long : { $limit } caractères au plus. Raccourcissez-le, ou gardez le détail pour la note privée.
meeting-tags-too-many = Cela fait { $count } mots-clés : { $limit } au plus. Gardez les principaux.

## Confirmations

meeting-planned = C'est noté : rencontre prévue le { $when }. Voici le fichier à ajouter à votre agenda ; votre binôme le reçoit aussi.
meeting-planned-other = { $name } a planifié votre prochaine rencontre le { $when }. Voici le fichier à ajouter à votre agenda.
meeting-changed = C'est fait : la rencontre du { $when } est mise à jour.
meeting-changed-other = { $name } a mis à jour votre rencontre, désormais le { $when }. Tapez /meeting pour la voir.
meeting-logged = Merci ! La rencontre du { $when } est notée dans votre journal.
meeting-logged-other = { $name } a noté votre rencontre du { $when }. Tapez /meeting pour voir votre journal.
meeting-delete-confirm = Voulez-vous vraiment supprimer la rencontre du { $when } ? Sa note privée et ses actions seront supprimées aussi.
meeting-delete-yes = Oui, la supprimer
meeting-deleted = La rencontre du { $when } est supprimée.
meeting-deleted-other = { $name } a supprimé la rencontre du { $when } de votre journal.
meeting-unchanged = Très bien, rien n'a changé.

## « A-t-elle eu lieu ? »

meeting-held-question = Votre rencontre avec { $name }, prévue le { $when }, a-t-elle eu lieu ?
meeting-cancel-question = La rencontre du { $when } est encore à venir. Voulez-vous l'annuler ?
meeting-recorded = C'est noté : la rencontre du { $when } est marquée « { $status } ».
meeting-recorded-tip = Si vous le souhaitez, ajoutez-y les thèmes abordés et une note privée : /meeting, puis « Modifier une rencontre ».
meeting-recorded-other = { $name } a marqué votre rencontre du { $when } comme « { $status } ».
meeting-already-recorded = C'est déjà enregistré : cette rencontre est marquée « { $status } ». Rien n'a changé.
meeting-not-yet = Cette rencontre n'a pas encore commencé : vous pourrez dire si elle a eu lieu après son heure de début. D'ici là, vous pouvez l'annuler.
meeting-reminder = Rappel : vous retrouvez { $name } le { $when }, pour { $minutes } min ({ $format }). Bonne rencontre !

## Erreurs

meeting-gone = Cette rencontre n'existe plus : elle a sans doute été supprimée. Tapez /meeting pour voir votre journal à jour.
meeting-not-yours = Cette rencontre ne concerne pas votre binôme : je ne peux rien y changer. Tapez /meeting pour voir vos propres rencontres.

## Fichier d'agenda

meeting-ics-summary = Mentorat : { $mentor } / { $mentee }
meeting-ics-description = Rencontre de mentorat ({ $format }).
meeting-ics-caption = Rencontre du { $when } : ouvrez ce fichier pour l'ajouter à votre agenda.
meeting-ics-cancelled-caption = La rencontre du { $when } est annulée : ouvrez ce fichier pour la retirer de votre agenda.
