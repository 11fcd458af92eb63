import '../../components/ui/style.css';
import { mount } from '../../components/ui/mount';
import { Sidebar } from '../../components/ui/Sidebar';

mount(() => <Sidebar />);
