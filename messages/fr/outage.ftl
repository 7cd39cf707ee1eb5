## Quand la base de données ne répond pas pour un moment

outage-wait = Un instant : je rencontre un souci technique passager. Votre message est bien reçu, je vous réponds dès que possible.
outage-form-retry = Le service est momentanément indisponible. Vos réponses sont toujours là : envoyez à nouveau le formulaire dans un instant.
