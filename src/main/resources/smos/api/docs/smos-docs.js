// Swagger UI on the service's own document; every file comes from the service, nothing from elsewhere.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    validatorUrl: null
  });
};
