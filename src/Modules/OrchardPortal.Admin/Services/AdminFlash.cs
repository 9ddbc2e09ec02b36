using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OrchardPortal.Admin.Services;

/// <summary>
/// A one-time success notice shown by the admin layout on the next page (post, redirect, get): set it
/// just before redirecting after a change.
/// </summary>
public static class AdminFlash
{
    public const string Key = "flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    public static string? TakeFlash(this ITempDataDictionary tempData) => tempData[Key] as string;
}
