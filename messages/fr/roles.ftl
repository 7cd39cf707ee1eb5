## Coordination : rôles, référents, journal, invitation (rubriques de /admin)

admin-section-roles = Rôles : administrateurs et référents
admin-section-referents = Référents : répartition des binômes
admin-section-journal = Journal des actions
admin-section-invitation = Invitation à partager

## Rôles

roles-role-admin = administrateur
roles-role-referent = référent
roles-unnamed = une personne attendue (pas encore venue)
roles-every-programme = (tous les programmes)
roles-heading = Rôles du programme « { $programme } »
roles-list-admin = { $count ->
    [0] Administrateurs : aucun
   *[other] Administrateurs : { $names }
}
roles-list-referent = { $count ->
    [0] Référents : aucun
   *[other] Référents : { $names }
}
roles-grant = Donner un rôle
roles-revoke = Retirer un rôle
roles-form-title = Donner un rôle dans « { $programme } »
roles-f-role = Quel rôle ?
roles-f-who = À qui ?
roles-h-who = Son nom, tel que le bot le connaît, ou son compte : telegram:NUMÉRO, slack:ÉQUIPE/UTILISATEUR ou console:NOM.
roles-nobody = Je ne connais personne du nom de « { $name } ». Vérifiez l'orthographe, ou donnez son compte (telegram:NUMÉRO, slack:ÉQUIPE/UTILISATEUR).
roles-too-many = { $count } personnes correspondent à « { $name } » : précisez le nom.
roles-which = Plusieurs personnes correspondent à « { $name } ». Laquelle ?
roles-granted = C'est fait : { $name } a désormais le rôle « { $role } » dans ce programme ; la personne en est informée.
roles-already = { $name } a déjà le rôle « { $role } » dans ce programme.
roles-holder = { $name } — { $role }
roles-revoke-which = Quel rôle retirer, et à qui ?
roles-none-to-revoke = Personne d'autre que vous n'a de rôle à retirer dans ce programme.
roles-revoked = C'est fait : { $name } n'a plus le rôle « { $role } » ; la personne en est informée.
roles-not-held = { $name } n'avait déjà plus le rôle « { $role } ».
roles-told-grant = Vous avez désormais le rôle « { $role } » dans le programme de mentorat « { $programme } ». Tapez /admin pour ouvrir le menu de coordination.
roles-told-grant-all = Vous avez désormais le rôle « { $role } » dans tous les programmes de mentorat. Tapez /admin pour ouvrir le menu de coordination.
roles-told-revoke = Vous n'avez plus le rôle « { $role } » dans le programme de mentorat « { $programme } ».
roles-told-revoke-all = Vous n'avez plus le rôle « { $role } » dans les programmes de mentorat.

## Référents

referents-heading = Binômes en cours suivis par chaque référent du programme « { $programme } » :
referents-line = { $name } : { $count ->
    [0] aucun binôme
    [one] 1 binôme
   *[other] { $count } binômes
}
referents-none = Aucun référent pour l'instant : donnez ce rôle dans la rubrique « Rôles ».
referents-unfollowed = { $count ->
    [0] Aucun binôme en cours n'attend de référent.
    [one] 1 binôme en cours n'a pas encore de référent.
   *[other] { $count } binômes en cours n'ont pas encore de référent.
}
referents-spread = Répartir équitablement les binômes sans référent
referents-spread-done = { $count ->
    [0] Aucun binôme à répartir.
    [one] 1 binôme a reçu un référent ; chaque référent concerné est prévenu.
   *[other] { $count } binômes ont reçu un référent ; chaque référent concerné est prévenu.
}
referents-told-pair = Vous suivez désormais, en tant que référent, le binôme { $mentor } / { $mentee } du programme « { $programme } ».
referents-told-spread = { $count ->
    [one] Un binôme de plus du programme « { $programme } » vous est confié en tant que référent.
   *[other] { $count } binômes de plus du programme « { $programme } » vous sont confiés en tant que référent.
} Tapez /admin pour voir où ils en sont.

## Journal

journal-heading = Journal du programme « { $programme } » : { $count ->
    [0] aucune action pour l'instant.
    [one] la dernière action.
   *[other] les { $count } dernières actions, de la plus ancienne à la plus récente.
}
journal-line = { $when } — { $who } : { $action }
journal-line-about = { $when } — { $who } : { $action } ({ $about })
journal-operator = l'opérateur (ligne de commande)
journal-section = consultation de la rubrique « { $section } »
journal-other = autre action de coordination
journal-refused = tentative refusée : { $action }
journal-pair = binôme { $mentor } / { $mentee }
journal-pairs-given = { $count ->
    [one] 1 binôme
   *[other] { $count } binômes
}
journal-admin-figures = consultation des chiffres du programme
journal-role-grant = attribution d'un rôle
journal-role-revoke = retrait d'un rôle
journal-referents-assign = choix du référent d'un binôme
journal-referents-spread = répartition des binômes entre les référents
journal-pairs-list = consultation de la liste des binômes
journal-pairs-show = consultation d'un binôme
journal-audit-read = lecture du journal
journal-programme-apply = création ou modification du programme
journal-programme-show = consultation des réglages du programme
journal-programme-open = ouverture des candidatures
journal-programme-close = clôture des candidatures

## Invitation

invitation-heading = Inviter des participants au programme « { $programme } »
invitation-telegram = Sur Telegram, partagez ce lien : { $link }
invitation-slack = Sur Slack, publiez ce message dans un canal :
    { $post }
invitation-slack-post = Rejoignez le programme de mentorat « { $programme } » : tapez `{ $command }` dans Slack, ou ouvrez mentorbot dans la rubrique Applications et écrivez-lui.
invitation-console = Sur la console, chaque participant tape : { $command }
