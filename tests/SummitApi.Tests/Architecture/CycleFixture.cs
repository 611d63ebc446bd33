// Two folders that use each other, on purpose: the architecture tests prove on them that the cycle rule can fail.
namespace SummitApi.Tests.Architecture.CycleFixture.Left
{
    internal sealed class LeftSide
    {
        public Right.RightSide? Other { get; init; }
    }
}

namespace SummitApi.Tests.Architecture.CycleFixture.Right
{
    internal sealed class RightSide
    {
        public Left.LeftSide? Other { get; init; }
    }
}
