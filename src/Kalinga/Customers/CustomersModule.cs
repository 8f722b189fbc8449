namespace Kalinga.Customers;

public static class CustomersModule
{
    public static IServiceCollection AddCustomers(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder app) => app;
}
