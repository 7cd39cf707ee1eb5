## The coordinators' menu (/admin)

admin-menu = What would you like to do?
admin-which-programme = Which programme?
admin-new-programme = Create a programme
admin-no-programme = There is no programme yet. Create the first one here, or with the command "mentorbot programme apply" on the server.
admin-no-programme-yours = You have no role in any programme yet.
