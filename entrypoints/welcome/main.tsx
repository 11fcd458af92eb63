import '../../components/ui/style.css';
import { mount } from '../../components/ui/mount';
import { Welcome } from '../../components/ui/Welcome';

mount(() => <Welcome />);
