from django.db import models


class LoginFailure(models.Model):
    """A failed admin login: the audit trail behind the lockout (see cms.lockout)."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.CharField(max_length=45, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.username or '(no user name)'} from {self.ip} at {self.at:%Y-%m-%d %H:%M:%S}"
