from django.http import JsonResponse


def floor(request):
    """The framework's floor: a trivial JSON answer through the full middleware stack, no database."""
    return JsonResponse({"status": "ok", "items": [{"id": n, "title": f"Item {n}"} for n in range(3)]})
