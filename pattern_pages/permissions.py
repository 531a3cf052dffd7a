"""Who may delete a page: the roles table gives deletion to Publishers (and Administrators).

Wagtail lets anyone with "change" on a tree delete any unpublished page in it, so a Reviewer (who may edit
anyone's pages) could delete another person's draft. Here a user without "publish" deletes only what the
"add" rule allows everyone: their own pages, none of them live, as Contributors do.
"""

from wagtail.models.pages import PagePermissionTester


class LibraryPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        if not super().can_delete(ignore_bulk=ignore_bulk):
            return False
        if self.user.is_superuser or "publish" in self.permissions:
            return True
        pages_to_delete = self.page.get_descendants(inclusive=True)
        return not pages_to_delete.exclude(live=False, owner=self.user).exists()


class PublishersDelete:
    """A page class mixin: ``permissions_for_user`` applies the library's deletion rule."""

    def permissions_for_user(self, user):
        return LibraryPagePermissionTester(user, self)
