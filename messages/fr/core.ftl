## Catalogue français : la langue source. Chaque clé existe aussi dans en.ftl, avec les mêmes variables.

## Accueil

welcome =
    Bonjour et bienvenue ! Je suis mentorbot, l'assistant du programme de mentorat.

    Le mentorat, c'est un échange confidentiel et volontaire entre deux collègues sans lien hiérarchique : une personne expérimentée (le mentor) aide une autre (le mentoré) à prendre du recul et à avancer, au rythme d'environ une rencontre d'une heure par mois.
    Ce n'est ni une formation, ni du coaching, ni une évaluation : rien de ce qui se dit dans le binôme ne remonte à la hiérarchie.

    Avec moi, vous pouvez : candidater comme mentor ou mentoré, choisir votre mentor parmi quelques propositions, signer la charte, planifier et noter vos rencontres, suivre vos objectifs et répondre aux questionnaires.
welcome-language = Dans quelle langue souhaitez-vous échanger ?
welcome-next = Tapez /help pour voir tout ce que je sais faire.
welcome-invitation = Vous rejoignez le programme « { $programme } ». Tapez /apply pour candidater.
welcome-invitation-unknown = Ce lien d'invitation ne correspond à aucun programme ouvert. Demandez un nouveau lien à vos coordinateurs.

## Aide

help-intro = Voici les commandes disponibles :
help-line = /{ $command } : { $text }
help-cmd-start = se présenter et découvrir le programme
help-cmd-help = afficher cette aide
help-cmd-language = changer de langue (français ou anglais)
help-cmd-privacy = savoir ce qui est conservé et qui le voit
help-cmd-export = recevoir toutes vos données dans un fichier
help-cmd-erase = effacer vos données
help-cmd-cancel = abandonner l'étape en cours

## Langue

language-question = Vous échangez actuellement en { $current ->
        [fr] français
       *[en] anglais
    }. Quelle langue préférez-vous ?
language-set = C'est noté : nous continuons en français.

## Confidentialité

privacy =
    Ce que je conserve : votre nom tel que votre messagerie le donne, votre langue et votre fuseau horaire, vos réponses de candidature, les dates, durées, formats et thèmes de vos rencontres, vos objectifs et vos réponses aux questionnaires.

    Qui voit quoi :
    • votre binôme et vous : tout ce qui concerne votre binôme, y compris les notes privées et les plans d'action ;
    • votre référent et les coordinateurs : uniquement les dates, durées, formats et grands thèmes des rencontres, l'assiduité, l'état du binôme et les objectifs (jamais le texte d'un objectif marqué privé) ;
    • les coordinateurs ne voient les questionnaires que sous forme de synthèse anonyme, jamais par groupe de moins de 5 personnes.

    Les notes privées sont chiffrées avec une clé que la base de données ne contient pas. Personne d'autre que votre binôme ne peut les lire.

    Vos droits : /export vous envoie toutes vos données dans un fichier ; /erase les efface : votre nom, vos comptes et tout ce que vous avez écrit disparaissent, vos binômes en cours prennent fin et l'autre personne en est prévenue, sans vos mots. Ne restent que des chiffres anonymes (candidatures, binômes, rencontres, objectifs) ; les notes de l'autre membre du binôme restent les siennes.

    Une fois un programme terminé, ses données personnelles sont effacées après la durée de conservation fixée par les coordinateurs (12 mois par défaut) ; seuls ses chiffres anonymes sont gardés.
export-caption = Toutes les données que je conserve à votre sujet.
erase-confirm = Voulez-vous vraiment effacer toutes vos données ? Vos binômes en cours seront clos et cela ne peut pas être annulé.
erase-yes = Oui, tout effacer
erase-no = Non, garder mes données
erase-kept = Rien n'a été effacé.
erase-done = Vos données sont effacées. Si vous m'écrivez à nouveau, je vous accueillerai comme une nouvelle personne.

## Navigation

cancelled = Étape abandonnée. Ce qui était déjà enregistré est conservé.
nothing-to-cancel = Il n'y a rien en cours à abandonner.

## Erreurs

error-too-long = Ce message est trop long ({ $length } caractères) : { $limit } caractères au maximum. Raccourcissez-le et renvoyez-le.
error-pick-option =
    { $count ->
        [one] Répondez avec le bouton, ou tapez 1.
       *[other] Répondez avec un des boutons, ou tapez un numéro de 1 à { $count }.
    }
hint-not-understood = Je n'ai pas compris. Tapez /help pour voir ce que je sais faire.
error-unknown-command = Je ne connais pas la commande { $command }. Tapez /help pour la liste des commandes.
error-button-unknown = Ce bouton ne correspond à rien que je connaisse. Tapez /help pour voir ce que je sais faire.
error-button-used = C'est déjà pris en compte : ce bouton a déjà servi.
error-button-stale = Ce bouton vient d'un ancien message et n'est plus valable. Utilisez la question la plus récente.
error-internal = Un problème technique m'a empêché de traiter votre message. Rien de ce que vous aviez déjà enregistré n'est perdu ; réessayez dans un instant.

## Coordination

help-cmd-admin = coordination : chiffres du programme (réservé aux coordinateurs)
admin-refused = Cette commande est réservée aux coordinateurs du programme. Si vous devriez y avoir accès, demandez-le à l'équipe qui pilote le programme.
admin-unknown = Je ne connais pas « { $command } » parmi les commandes de coordination. Tapez /admin pour voir les chiffres du programme.
admin-pair-proposed = en attente de réponse du mentor
admin-pair-awaiting_charter = en attente de la charte
admin-pair-active = actifs
admin-pair-completed = terminés
admin-pair-withdrawn = interrompus
admin-pair-declined = refusés par le mentor
admin-pair-expired = sans réponse du mentor
home-heading-none = Programme de mentorat
home-continue = Continuer
home-resume-form = Reprendre le formulaire
home-objectives =
    Objectifs : { $total ->
        [0] aucun fixé
        [one] { $reached } atteint sur 1
       *[other] { $reached } atteints sur { $total }
    }
home-figures = Chiffres du programme
