"""Who a request comes from, and how many times they may do something: shared by every limit in the library.

``client.client_ip`` is the one answer to "who is this?" (the API's anonymous limit, the contribute and
feedback forms, the login lockout); ``counting.take`` checks and records one use in a single atomic step, so
simultaneous requests cannot all pass a check made before any of them was counted.
"""
