namespace ClinicPortal.Core.Measures;

/// <summary>
/// The questionnaires the clinic can give, typed from their published forms. Both PHQ-9 and GAD-7 were developed by
/// Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues with an educational grant from Pfizer Inc.;
/// no permission is required to reproduce, translate, display or distribute them. The PCL-5 (Weathers, Litz, Keane,
/// Palmieri, Marx and Schnurr, 2013) is in the public domain, from the US National Center for PTSD.
/// Changing a word here is a new <see cref="Instrument.Version"/>: responses keep the version they answered.
/// </summary>
public static class Instruments
{
    public const string Phq9Code = "PHQ-9";
    public const string Gad7Code = "GAD-7";
    public const string Pcl5Code = "PCL-5";

    /// <summary>The four answers PHQ-9 and GAD-7 share.</summary>
    private static readonly IReadOnlyList<ResponseOption> HowOften =
    [
        new(0, "Not at all"), new(1, "Several days"), new(2, "More than half the days"), new(3, "Nearly every day"),
    ];

    /// <summary>
    /// Reliable change of 5 points: Löwe, Unützer, Callahan, Perkins and Kroenke, "Monitoring depression treatment
    /// outcomes with the Patient Health Questionnaire-9", Medical Care 42(12), 2004 (a 5-point change is clinically
    /// meaningful). Bands: Kroenke, Spitzer and Williams, J Gen Intern Med 16(9), 2001.
    /// </summary>
    public static readonly Instrument Phq9 = new(
        Phq9Code, "Patient Health Questionnaire (PHQ-9)", "PHQ-9 (Pfizer, 1999)",
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
        "Over the last 2 weeks, how often have you been bothered by:",
        [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself \u2014 or that you are a failure or have let yourself or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the opposite \u2014 being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ],
        HowOften,
        [
            new(0, 4, "Minimal", "Few of these difficulties lately"),
            new(5, 9, "Mild", "Some of these difficulties lately"),
            new(10, 14, "Moderate", "A fair number of these difficulties lately"),
            new(15, 19, "Moderately severe", "Many of these difficulties lately"),
            new(20, 27, "Severe", "A great many of these difficulties lately"),
        ],
        ReliableChange: 5, SafetyItem: 9, CutOff: null,
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.");

    /// <summary>
    /// Reliable change of 4 points: Toussaint, H\u00fcsing, Gumz et al., "Sensitivity to change and minimal clinically
    /// important difference of the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7)", J Affect Disord 265, 2020;
    /// also the threshold of England's NHS Talking Therapies manual. Bands: Spitzer, Kroenke, Williams and L\u00f6we,
    /// Arch Intern Med 166(10), 2006.
    /// </summary>
    public static readonly Instrument Gad7 = new(
        Gad7Code, "Generalized Anxiety Disorder scale (GAD-7)", "GAD-7 (Pfizer, 2006)",
        "Over the last 2 weeks, how often have you been bothered by the following problems?",
        "Over the last 2 weeks, how often have you been bothered by:",
        [
            "Feeling nervous, anxious or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid as if something awful might happen",
        ],
        HowOften,
        [
            new(0, 4, "Minimal", "Few of these worries lately"),
            new(5, 9, "Mild", "Some of these worries lately"),
            new(10, 14, "Moderate", "A fair number of these worries lately"),
            new(15, 21, "Severe", "A great many of these worries lately"),
        ],
        ReliableChange: 4, SafetyItem: null, CutOff: null,
        "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.");

    /// <summary>
    /// Reliable change of 10 points: the National Center for PTSD's PCL-5 page ("a 5–10 point change represents reliable
    /// change… a 10–20 point change represents clinically significant change"); the portal takes the upper, 10. The
    /// provisional cut-off is 31–33 (Bovin et al., Psychological Assessment 28(11), 2016); 33 is the one scored, "around 31–33" the one said.
    /// </summary>
    public static readonly Instrument Pcl5 = new(
        Pcl5Code, "PTSD Checklist for DSM-5 (PCL-5)", "PCL-5 (NCPTSD, 2013)",
        "Below is a list of problems that people sometimes have in response to a very stressful experience. Please read each problem carefully and then choose one of the answers to indicate how much you have been bothered by that problem in the past month.",
        "In the past month, how much were you bothered by:",
        [
            "Repeated, disturbing, and unwanted memories of the stressful experience?",
            "Repeated, disturbing dreams of the stressful experience?",
            "Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
            "Feeling very upset when something reminded you of the stressful experience?",
            "Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
            "Avoiding memories, thoughts, or feelings related to the stressful experience?",
            "Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
            "Trouble remembering important parts of the stressful experience?",
            "Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
            "Blaming yourself or someone else for the stressful experience or what happened after it?",
            "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
            "Loss of interest in activities that you used to enjoy?",
            "Feeling distant or cut off from other people?",
            "Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
            "Irritable behavior, angry outbursts, or acting aggressively?",
            "Taking too many risks or doing things that could cause you harm?",
            "Being \u201csuperalert\u201d or watchful or on guard?",
            "Feeling jumpy or easily startled?",
            "Having difficulty concentrating?",
            "Trouble falling or staying asleep?",
        ],
        [new(0, "Not at all"), new(1, "A little bit"), new(2, "Moderately"), new(3, "Quite a bit"), new(4, "Extremely")],
        [
            new(0, 32, "Below the provisional cut-off (around 31\u201333)", "Fewer of these reactions lately"),
            new(33, 80, "At or above the provisional cut-off (around 31\u201333)", "Many of these reactions lately"),
        ],
        ReliableChange: 10, SafetyItem: null, CutOff: (33, "around 31\u201333"),
        "PCL-5: Weathers, Litz, Keane, Palmieri, Marx and Schnurr (2013), National Center for PTSD. Public domain.");

    public static readonly IReadOnlyList<Instrument> All = [Phq9, Gad7, Pcl5];

    /// <summary>The instrument with this code, or null for a code the portal does not know (a tampered form).</summary>
    public static Instrument? Find(string? code) => All.FirstOrDefault(i => i.Code == code);
}
