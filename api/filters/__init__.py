"""One FilterSet per resource, in a module a resource. Every parameter has help text and an example, which
the OpenAPI schema shows; a value that cannot be read is a 400 naming the parameter."""
