namespace OrchardPortal.Visits.Services;

/// <summary>The Visits URLs, shared by pages, the menu, emails and views.</summary>
public static class VisitPaths
{
    public const string Admin = "/admin/visits";
    public const string AdminNew = "/admin/visits/new";
    public const string AdminDelay = "/admin/visits/delay";
    public const string AdminRequests = "/admin/visits/requests";
    public const string Portal = "/schedule";
    public const string PortalCalendar = "/schedule/calendar";
    public const string CalendarFeedPrefix = "/calendar/";

    public static string AdminDay(DateOnly day) => $"{Admin}?day={day:yyyy-MM-dd}";

    public static string AdminDetails(long id) => $"{Admin}/{id}";

    public static string AdminEdit(long id) => $"{Admin}/{id}/edit";

    public static string AdminNewFor(long customerId) => $"{AdminNew}?customer={customerId}";

    public static string AdminForCustomer(long customerId) => $"{Admin}/customer/{customerId}";

    public static string AdminRequest(long id) => $"{AdminRequests}/{id}";

    public static string PortalVisit(long id) => $"{Portal}/{id}";

    public static string PortalReschedule(long id) => $"{Portal}/{id}/reschedule";

    public static string PortalSkip(long id) => $"{Portal}/{id}/skip";

    public static string CalendarFeed(string token) => $"{CalendarFeedPrefix}{token}.ics";
}
