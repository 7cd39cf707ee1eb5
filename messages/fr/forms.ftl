## Formulaires posés question par question

form-progress = ({ $index }/{ $total }) { $label }
form-current = Réponse actuelle : { $value }. Tapez = pour la garder.
form-optional = Facultatif : tapez - pour passer.
form-multi-hint = Tapez un ou plusieurs numéros séparés par des virgules, par exemple : 1, 3
form-date-understood = J'ai compris : { $when }. C'est bien ça ?
form-date-yes = Oui
form-date-no = Non, je corrige
nothing-to-go-back = Aucune question en cours : /back ne sert que pendant un formulaire.
error-form-stale = Ce formulaire n'est plus en cours. Tapez /status pour voir où vous en êtes.

## Erreurs de saisie

field-required = Cette réponse est obligatoire.
field-too-long = Réponse trop longue ({ $length } caractères) : { $limit } au maximum.
field-number = Tapez un nombre entier entre { $low } et { $high }.
field-choice =
    { $count ->
        [one] Répondez avec le bouton, ou tapez 1.
       *[other] Répondez avec un des boutons, ou tapez un numéro de 1 à { $count }.
    }
field-multi = Je ne reconnais pas « { $answer } ». Tapez des numéros de 1 à { $count }, séparés par des virgules.
field-date = Je n'ai pas compris cette date. Exemples : « mardi prochain 14h », « 3 décembre 10h30 », « dans deux semaines ».
field-date-past = Cette date est déjà passée. Donnez une date à venir, par exemple « jeudi 9h30 ».
field-date-future = Cette date est dans le futur. Donnez la date où la rencontre a eu lieu, par exemple « hier 14h ».
