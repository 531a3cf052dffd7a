# Failed logins are django-axes' AccessAttempt rows (see cms.login); the custom LoginFailure model is gone.
